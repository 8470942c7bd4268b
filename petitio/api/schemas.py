from datetime import datetime

from ninja import Schema


class PetitionOut(Schema):
    slug: str
    title: str
    url: str
    language: str
    status: str
    goal: int
    signature_count: int
    paper_signature_count: int
    deadline: datetime | None
