"""CoachDesk: career conversations in Dutch vocational education, kept on the coach's laptop."""

__version__ = "0.1.0"
