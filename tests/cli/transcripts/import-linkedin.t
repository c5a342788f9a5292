# `vaultkit import linkedin` on a Connections.csv as LinkedIn writes it (notes above the header).
% write Downloads/Connections.csv
Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Jo,Park,https://www.linkedin.com/in/jo-park,jo@example.org,Contoso,Data Engineer,05 Nov 2025
Ana,Díaz,https://www.linkedin.com/in/ana,,Globex,UX Researcher,12 Oct 2024
Lee,"Wong, PhD",https://www.linkedin.com/in/lee,,Initech,Staff Scientist,01 Feb 2026
% end
$ vaultkit import linkedin Downloads/Connections.csv --dry-run
Would create Contacts/Jo Park.md
Would create Contacts/Lee Wong.md
Already in the vault: Ana Díaz (line 6) is Contacts/Ana Díaz.md, by name
Dry run, nothing written. Downloads/Connections.csv: 2 new, 1 already in the vault (1 by name), 0 skipped.
>= exit 0

$ vaultkit import linkedin Downloads/Connections.csv
Created Contacts/Jo Park.md
Created Contacts/Lee Wong.md
Downloads/Connections.csv: 2 new, 1 already in the vault (1 by name), 0 skipped.
>= exit 0

$ cat "Contacts/Jo Park.md"
---
type: contact
name: "Jo Park"
aliases: []
company: "Contoso"
role: "Data Engineer"
field: ""
email: "jo@example.org"
phone: ""
linkedin: "https://www.linkedin.com/in/jo-park"
referred_by: ""
met_via: "LinkedIn"
connected: 2025-11-05
status: active
stay_in_touch: ""
---
# Jo Park

## Log
>= exit 0

# Importing the same export again adds nobody.
$ vaultkit import linkedin Downloads/Connections.csv
Downloads/Connections.csv: 0 new, 3 already in the vault (3 by name), 0 skipped.
>= exit 0
