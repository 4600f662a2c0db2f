"""The recording window, audio import and recovery of a cut-short take."""
