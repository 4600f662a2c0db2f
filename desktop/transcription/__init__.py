"""The transcription queue (a worker process per job) and the model settings."""
