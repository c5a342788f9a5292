"""A report's outputs: rendered (files), taken back when unchanged (rendered), written
atomically inside the output folder only when their bytes change (write, folder)."""
