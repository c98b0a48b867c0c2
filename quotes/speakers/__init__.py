"""Speakers: who a mention is, by name and role, in stages.

The speaker stages, each a module that imports only those above it:

1. ``words``: word rules over the lexicons (role words, titles, name
   words, a role's head word, party words, same person, most specific
   role).
2. ``model``: the values passed between stages (``Mention``, ``Entity``).
3. ``mentions``: speaker phrases (a cue's speaker token grown into a
   mention; name split from role).
4. ``coref``: who each mention is (``EntityTable``: names, surnames,
   pronouns, descriptions, organisations, the writer).
5. ``pronouns``: the learned choice of a pronoun's referent.
6. ``names``: each entity's fullest name as the text writes it.
7. ``roles``: each entity's role candidates and the decision (rules
   generate, a learned model may decide).

``quotes._attribute`` drives them: it builds the mentions of the claims,
resolves them in text order, completes the names and picks the roles.
This package is internal (no public API): its names may change in any
release.
"""
