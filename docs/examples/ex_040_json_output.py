"""
JSON output
===========

``Result.to_dict()`` is the JSON object of the project's schema: one object
per document with its attributions and speakers. The command line writes
the same objects, one per line.
"""

# %%
import json

from _fixture import case

result = case("title_before_name")
print(json.dumps(result.to_dict(), indent=1, ensure_ascii=False))
