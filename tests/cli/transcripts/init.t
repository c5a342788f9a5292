% vault empty
# `vaultkit init` in an empty folder: the config, the folders and the templates.
$ vaultkit init notes
  created: vaultkit.toml
  created: Contacts/
  created: Interviews/
  created: Daily/
  created: vaultkit/
  created: Templates/vaultkit/
  created: Templates/vaultkit/confirm.md
  created: Templates/vaultkit/thank-you.md
  created: Templates/vaultkit/reach-referral.md
  created: Templates/vaultkit/close-loop.md
  created: Templates/vaultkit/ask-intro.md
  created: Templates/vaultkit/ask-referral.md
  created: Templates/vaultkit/follow-up-application.md
  created: Templates/vaultkit/update-helper.md
  created: Templates/vaultkit/nudge.md
  created: Templates/vaultkit/check-in.md
  created: Templates/vaultkit/announce-landing.md
  created: Templates/vaultkit/contact.md
  created: Templates/vaultkit/interview.md
  created: Templates/vaultkit/opportunity.md
Your drafts are signed with [me] name in vaultkit.toml: add yours there (or run init with --name next time).
Set up notes: 20 created, 0 already there. Next: vaultkit new contact "Someone" --vault notes
>= exit 0

$ ls notes
Contacts/
Daily/
Interviews/
Templates/
vaultkit.toml
vaultkit/
>= exit 0

$ cat notes/vaultkit.toml
# vaultkit settings. Every value below is the default: change what you like,
# delete what you do not need. The note format: docs/notes.md in vaultkit.

# Notes to skip: globs relative to the vault, e.g. ["Archive/**", "*.excalidraw.md"]
ignore = []

# Headings whose dated list items and table rows are touches (any heading level, any case)
log_headings = ["Log", "Timeline", "Contact Log", "Interactions"]

# How daily notes are named, in moment.js tokens as in Obsidian, e.g. "DD.MM.YYYY"
daily_format = "YYYY-MM-DD"

# You: used to sign the drafts. signature may span lines, e.g. "Thanks again,\nSam"
[me]
name = ""
email = ""
emails = []  # your other addresses, e.g. ["sam@work.example"]: `import mail` knows your messages by all of them
phone = ""
linkedin = ""  # your profile URL: `import linkedin-messages` knows your messages by it
signature = ""
timezone = "America/Los_Angeles"  # yours, e.g. "Europe/Paris": interview times are in it unless an interview gives its own

# Where notes go (subfolders count) and where vaultkit writes; all inside the vault
[folders]
contacts = "Contacts"
interviews = "Interviews"
daily = "Daily"
output = "vaultkit"
templates = "Templates/vaultkit"

# When things are due, in days unless said otherwise
[rules]
prepare_days_before = 2  # prepare questions this many days before an interview
confirm_days_before = 1  # confirm a scheduled interview this many days before
thank_you_hours = 24  # send a thank-you within this many hours
referral_days = 7  # reach someone you were referred to within this many days
close_loop_days = 3  # tell the referrer you met their contact within this many days
nudge_days = 7  # follow up an unanswered outreach after this many days
max_unanswered = 2  # stop after this many unanswered outreaches in a row (they have gone quiet)
stay_in_touch = "60d"  # check in this often unless a contact says otherwise: "30d", "6w", "3m", or days
announce_days = 7  # tell the people you met where you landed within this many days
min_interviews_per_field = 3  # informational interviews to do in a field before judging it
min_open_leads = 5  # contacts to keep waiting for a first message
horizon_days = 14  # upcoming means due within this many days (also the calendar's reach)
alarm_minutes = 60  # calendar alarm this many minutes before an interview
application_follow_up_days = 10

# What `vaultkit import mail` reads when given no path: mbox files, Maildirs, folders of .eml
[import]
mail = []  # e.g. ["~/Mail/Sent", "~/Mail/Inbox"]; a relative path is from the vault folder

# Once you accept an offer, uncomment these lines: vaultkit then drafts a note telling
# each person you met where you landed.
# [landed]
# date = 2026-12-01
# company = ""
# role = ""
# email = ""  # your new work address, for the announcement
>= exit 0

# A fresh vault has no problems and nothing to do.
$ vaultkit check --vault notes --today 2026-11-20
Checked 0 notes (0 contacts, 0 interviews): no problems.
>= exit 0

# A --vault that is not there is a usage error (exit 2), and nothing is created.
$ vaultkit check --vault nowhere
Error: --vault nowhere: no such folder
>= exit 2
