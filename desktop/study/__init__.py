"""The study views: participants, interviews and the interview guide."""
