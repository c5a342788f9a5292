# `vaultkit new contact` writes a note from the vault's template.
$ vaultkit new contact "Jo Park" --field "Data engineering"
Created Contacts/Jo Park.md
>= exit 0

$ cat "Contacts/Jo Park.md"
---
type: contact
name: "Jo Park"
aliases: []
company: ""
role: ""
field: "Data engineering"
email: ""
phone: ""
linkedin: ""
referred_by: ""
met_via: ""
status: active
stay_in_touch: ""
---
# Jo Park

## Log
>= exit 0

# A contact of that name exists: refused, exit 1, the note left as it was.
$ vaultkit new contact "Ana Díaz"
Error: a contact named 'Ana Díaz' already exists: Contacts/Ana Díaz.md
>= exit 1
