# Usage errors exit 2 and say what was wrong, with the command's usage line.
$ vaultkit report --today someday
Usage: vaultkit report [OPTIONS]
Try 'vaultkit report --help' for help.

Error: Invalid value for '--today': 'someday' is not a date like 2026-11-20
>= exit 2

$ vaultkit frob
Usage: vaultkit [OPTIONS] [COMMAND] [ARGS]...
Try 'vaultkit --help' for help.

Error: No such command 'frob'.
>= exit 2

$ vaultkit log Ana
Usage: vaultkit log [OPTIONS] NAME TEXT
Try 'vaultkit log --help' for help.

Error: Missing argument 'TEXT'.
>= exit 2

$ vaultkit new contact "a/b"
Error: the name 'a/b' contains a slash, which would make a folder; leave it out
>= exit 2
