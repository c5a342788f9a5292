"""Outputs: plain text from the plan and the model. Nothing here reads a file."""
