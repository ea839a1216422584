"""Building blocks shared by every model module."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class StrictModel(BaseModel):
    """Unknown keys are errors; types are not coerced (a quoted id stays a string)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# Names become Terraform addresses, file names and AWS tags: keep them boring.
Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,47}$")]
NAME_RULE = "lowercase letters, digits and '-', starting with a letter, at most 48 characters"
