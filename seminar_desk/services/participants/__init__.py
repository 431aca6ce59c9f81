"""Participants and delegations: who attends, for whom, and on which days."""
