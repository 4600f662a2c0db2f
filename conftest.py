"""Set up before anything is collected, for the tests and for the doctests of the packages
(``--doctest-modules`` imports every module of codebook/, transcribe/ and desktop/): Qt
offscreen, and the per-user data folder redirected to a temporary folder, so that neither
the tests nor a doctest ever touch the real settings or models (nor Qt's default settings place)."""
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOSAHEBEH_DATA_DIR", tempfile.mkdtemp(prefix="mosahebeh-test-data-"))
# Qt's default settings place (where older versions kept some choices) is a temporary folder too.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mosahebeh-test-config-")
