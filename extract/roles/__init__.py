"""Roles: who holds which post in which body, now or formerly, and the memberships they make.

Modules: :mod:`.posts` (the stage: every rule below, per person), :mod:`.titles` (the grammar of titles),
:mod:`.title_clauses`, :mod:`.titled_names`, :mod:`.appositions`, :mod:`.posts_alone`, :mod:`.led_by`,
:mod:`.group_lists`, :mod:`.bylines`, :mod:`.descriptions` (the ways a post is written), :mod:`.founders`
(founders are members), :mod:`.memberships` (findings to memberships between resolved entities).
"""
