% today 2026-11-20
# `vaultkit who` answers "who can get me in?": the people at a company, now and before,
# and the warm paths to it, best first. A company is found by any of its names.
$ vaultkit who "Globex Inc."
Globex (target: note)
Also called: Globex Corporation
Works there now:
  Hana Sato (not contacted) - Contacts/Hana Sato.md
Warm paths, best first:
  1. Ask Ben Okafor to introduce you to Hana Sato (Ben Okafor referred Hana Sato; Hana Sato works at Globex).
  2. Reach out to Hana Sato, who works at Globex.
Next step: Ask Ben Okafor to introduce you to Hana Sato (Ben Okafor referred Hana Sato; Hana Sato works at Globex).
>= exit 0

# An unknown name lists the closest companies the vault knows.
$ vaultkit who Initek
Error: no company matches 'Initek'; the closest: Initech, Fieldnote
>= exit 1

# `new opportunity` writes an opening's note; the next `who` shows it.
$ vaultkit new opportunity Globex --role "UX Researcher" --url https://jobs.example.org/globex/ux --heard-from Ben
Created Opportunities/Globex - UX Researcher.md
>= exit 0

$ vaultkit who globex
Globex (target: note, opportunity)
Also called: Globex Corporation
Works there now:
  Hana Sato (not contacted) - Contacts/Hana Sato.md
Warm paths, best first:
  1. Ask Ben Okafor to introduce you to Hana Sato (Ben Okafor referred Hana Sato; Hana Sato works at Globex).
  2. Reach out to Hana Sato, who works at Globex.
Opportunities:
  UX Researcher: interested - Opportunities/Globex - UX Researcher.md
Next step: Ask Ben Okafor to introduce you to Hana Sato (Ben Okafor referred Hana Sato; Hana Sato works at Globex).
>= exit 0
