"""Hypothesis strategies for fuzzing lzgen with mutated org files."""
