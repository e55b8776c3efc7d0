"""The CoachDesk domain: plain dataclasses and enums, no Qt and no SQL."""
