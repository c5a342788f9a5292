"""The vault model: contacts, interviews and touches built from parsed notes."""
from .entities import CONTACT_STATUSES, DONE_AHEAD, INTERVIEW_STATUSES, TOUCH_KINDS, Contact, Interview, PersonRef, Touch
from .companies import OPPORTUNITY_STAGES, Company, Opportunity, company_key
from .vault import Vault, assemble_vault, build_vault

__all__ = [
    "OPPORTUNITY_STAGES", "Company", "Opportunity", "company_key",
    "CONTACT_STATUSES", "DONE_AHEAD", "INTERVIEW_STATUSES", "TOUCH_KINDS",
    "Contact", "Interview", "PersonRef", "Touch", "Vault", "assemble_vault", "build_vault",
]
