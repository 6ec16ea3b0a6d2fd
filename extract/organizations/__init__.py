"""Organizations as the text names them: their names, plural and listed forms, implied bodies, hierarchy.

Modules: :mod:`.spans`, :mod:`.names`, :mod:`.context` (an NER span made into the body it names, or dropped),
:mod:`.coordinated` ("the Departments of Commerce and State"), :mod:`.company_lists` (companies named in lists),
:mod:`.implied_bodies` (a governor's state government, meeting series), :mod:`.hierarchy` (which body is part of which).
"""
