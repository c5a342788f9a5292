"""Case modules for bench/hostile.py; helpers live in _kit.py."""
