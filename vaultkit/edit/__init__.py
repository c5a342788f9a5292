"""The commands that write notes for the user: init, new, log. Each changes only what it must."""
