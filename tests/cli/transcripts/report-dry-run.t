# `report --dry-run` says what a report would change and writes nothing.
$ vaultkit report --dry-run --today 2026-11-24
Read 19 contacts, 12 interviews, 3 company notes, 3 opportunities.
Follow-ups for 2026-11-24: 11 overdue, 5 today, 3 upcoming, 1 later; 1 gone quiet.
Dry run: nothing written; 8 files would change (2 briefs), 11 unchanged.
Dashboard: {vault}/vaultkit/Follow-ups.md
>= exit 0

# The briefs are still those of 20 November.
$ ls vaultkit/Briefs
2026-11-21 Chloé Martin.md
2026-11-26 Omar Shaikh.md
2026-12-03 Isabel Cruz.md
>= exit 0
