# The sample's outputs were written on 20 November; four days later a report rewrites
# what moved, and a second report finds nothing to write.
$ vaultkit report --today 2026-11-24
Read 17 contacts, 12 interviews, 1 company note.
Follow-ups for 2026-11-24: 4 to tell where you landed, 6 overdue, 1 today, 1 upcoming, 2 later; 1 gone quiet.
8 files written (2 briefs), 7 unchanged.
Dashboard: {vault}/vaultkit/Follow-ups.md
>= exit 0

$ vaultkit report --today 2026-11-24
Read 17 contacts, 12 interviews, 1 company note.
Follow-ups for 2026-11-24: 4 to tell where you landed, 6 overdue, 1 today, 1 upcoming, 2 later; 1 gone quiet.
0 files written, 15 unchanged.
Dashboard: {vault}/vaultkit/Follow-ups.md
>= exit 0

# -q prints nothing when all went well.
$ vaultkit report -q --today 2026-11-24
>= exit 0
