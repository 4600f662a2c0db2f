"""Analysis views: retrieval of quotes, frequency tables and matrix, saturation."""
