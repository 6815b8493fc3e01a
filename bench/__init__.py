"""Benchmarks and the synthetic catalogue generator (not part of the kg package)."""
