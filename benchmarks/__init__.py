"""Benchmarks: a synthetic-data generator (generate.py) and the benchmark runner (run.py).

Run from the repository root: `python -m benchmarks.generate ...`, `python -m benchmarks.run`.
"""
