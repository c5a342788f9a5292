# `vaultkit check` on the sample vault: no problems, exit 0.
$ vaultkit check --today 2026-11-20
Checked 44 notes (19 contacts, 12 interviews): no problems.
>= exit 0

# A note with broken front-matter is an error at its line, and check exits 1.
% write Contacts/Broken.md
---
name: [unclosed
---
Met at the meetup.
% end
$ vaultkit check --today 2026-11-20
Contacts/Broken.md:2: error: front-matter is not valid YAML: did not find expected ',' or ']' (in the [...] list that starts on line 2)
Checked 45 notes (19 contacts, 12 interviews): 1 error, 0 warnings.
>= exit 1

# -q: only the errors, no summary.
$ vaultkit check -q --today 2026-11-20
Contacts/Broken.md:2: error: front-matter is not valid YAML: did not find expected ',' or ']' (in the [...] list that starts on line 2)
>= exit 1
