# The sample's outputs were written on 20 November; four days later a report rewrites
# what moved, and a second report finds nothing to write.
$ vaultkit report --today 2026-11-24
Read 19 contacts, 12 interviews, 3 company notes, 3 opportunities.
Follow-ups for 2026-11-24: 11 overdue, 5 today, 3 upcoming, 1 later; 1 gone quiet.
8 files written (2 briefs), 11 unchanged.
Dashboard: {vault}/vaultkit/Follow-ups.md
>= exit 0

$ vaultkit report --today 2026-11-24
Read 19 contacts, 12 interviews, 3 company notes, 3 opportunities.
Follow-ups for 2026-11-24: 11 overdue, 5 today, 3 upcoming, 1 later; 1 gone quiet.
0 files written, 19 unchanged.
Dashboard: {vault}/vaultkit/Follow-ups.md
>= exit 0

# -q prints nothing when all went well.
$ vaultkit report -q --today 2026-11-24
>= exit 0
