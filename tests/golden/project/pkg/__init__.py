"""A small package used by the output-format golden tests."""
