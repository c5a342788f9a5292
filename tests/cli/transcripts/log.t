% today 2026-11-24
# `vaultkit log` adds one line to a contact's Log, found by first name, dated today
# unless --date says otherwise.
$ vaultkit log Chloé "#reply sounds good"
Added to Contacts/Chloé Martin.md:18: - 2026-11-24 #reply sounds good
>= exit 0

$ cat "Contacts/Chloé Martin.md"
---
type: contact
name: Chloé Martin
company: Atelier Co.
role: Design Researcher
field: UX research
referred_by: "[[Ben Okafor]]"
met_via: Ben's suggestion
---
# Chloé Martin

Mixed-methods researcher at a small agency. Ben thinks agencies are a good
first step because the projects are short and varied.

Touches with Chloé are in my daily notes.

## Log
- 2026-11-24 #reply sounds good
>= exit 0

$ vaultkit log Ben "#outreach asked about agencies" --date 2026-11-22
Added to Contacts/Ben Okafor.md:18: - 2026-11-22 #outreach asked about agencies
>= exit 0

# Nobody by that name: refused, nothing written.
$ vaultkit log Nobody "#reply hello"
Error: no contact matches 'Nobody' (by file name, name, alias, first or last name).
>= exit 1
