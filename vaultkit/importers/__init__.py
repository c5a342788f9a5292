"""`vaultkit import linkedin|vcard`: the file given (export_file), the people in it
(linkedin_vcard), and which of them are new contacts (new_contacts). Mail, LinkedIn messages
and calendars are read by vaultkit.conversations."""
