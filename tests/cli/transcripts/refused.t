# A file of your own where a dashboard goes is kept and reported: the rest is written, exit 1.
% write vaultkit/Progress.md
My own notes on how it is going.
% end
$ vaultkit report --today 2026-11-24
Read 19 contacts, 12 interviews, 3 company notes, 3 opportunities.
Follow-ups for 2026-11-24: 11 overdue, 5 today, 3 upcoming, 1 later; 1 gone quiet.
  not written: vaultkit/Progress.md
7 files written (2 briefs), 11 unchanged, 1 not written (see the errors).
Dashboard: {vault}/vaultkit/Follow-ups.md
vaultkit/Progress.md:1: error: not written: this file was not made by vaultkit (no "generated: vaultkit" in its front-matter); move it or rename it
>= exit 1

$ cat vaultkit/Progress.md
My own notes on how it is going.
>= exit 0
