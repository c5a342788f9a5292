# `vaultkit new interview` names the note by its date and the contact's full name.
$ vaultkit new interview Chloé --date 2026-12-01 --time 15:00
Created Interviews/2026-12-01 Chloé Martin.md
>= exit 0

$ cat "Interviews/2026-12-01 Chloé Martin.md"
---
type: interview
contact: "[[Chloé Martin]]"
date: 2026-12-01
time: "15:00"
duration: 30
mode: ""
location: ""
status: scheduled
thank_you_sent:
referrals: []
---
# Chloé Martin, 2026-12-01

## Questions
<!--
Starting points. Keep the ones that fit, make them about Chloé Martin's own work, and write
them above this comment: vaultkit counts the interview as prepared once you have.
- How did you come to this work, and what would you do differently if you started again?
- What does an ordinary week look like for you?
- Which skills matter most in your role, and how did you build them?
- What do newcomers most often get wrong about this field?
- How do people usually get hired into roles like yours?
- What is changing in the field, and what will matter in five years?
- Knowing my background, what would you do in my place?
- Who else should I talk to? Could you suggest two or three people?
-->

## Notes

## Takeaways

## Next steps
- [ ] Send a thank-you within 24 hours
- [ ] Write to the people they suggested

## Reflection
>= exit 0

# The next report prepares for it.
$ vaultkit report --today 2026-11-28
Read 19 contacts, 13 interviews, 3 company notes, 3 opportunities.
Follow-ups for 2026-11-28: 13 overdue, 4 today, 4 upcoming, 1 later; 1 gone quiet.
9 files written (1 draft, 2 briefs), 11 unchanged.
Dashboard: {vault}/vaultkit/Follow-ups.md
>= exit 0
