# Every command's --help ends its description with examples.
$ vaultkit log --help
Usage: vaultkit log [OPTIONS] NAME TEXT

  Add a touch to a contact's Log: `- DATE TEXT`.

  NAME is resolved like a link (file name, name or alias, ignoring case and
  accents; `[[Ana Díaz]]` works too), and may also be a unique first or last
  name. Put the kind of touch in TEXT as a tag: #outreach, #reply, #thanks,
  #checkin or #update. The line goes after the last item of the note's Log
  section, or in a new `## Log` section at the end; a Log kept as a table gets a
  row instead (date, kind and text in their columns, in the table's own form).
  Nothing else in the note changes. If an editor saves the note meanwhile, the
  line goes into what it saved. A note you made read-only, or one with other
  hard links, is left alone (exit 1).

  Examples:
    vaultkit new contact "Ana Díaz"
    vaultkit log "Ana Díaz" "#reply happy to meet next Tuesday"
    vaultkit log ana "#thanks sent a thank-you" --date 2026-11-21

Options:
  --date YYYY-MM-DD  When it happened. Default: today.
  --dry-run          Change nothing; show the line that would be added.
  --vault PATH       The vault folder. Default: $VAULTKIT_VAULT, else the
                     nearest folder at or above the current one holding
                     vaultkit.toml or .obsidian/.
  --no-cache         Parse every note from its file and leave the parse cache
                     alone (it never changes a result; this is for ruling it
                     out).
  -h, --help         Show this message and exit.
>= exit 0
