"""Municipal employees: an account, a role at a municipality, an API token."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from rest_framework.authtoken.models import Token

from gembot.livechat.models import Membership, Role
from gembot.tenants.models import Municipality


@dataclass(frozen=True)
class CreatedAgent:
    user: AbstractBaseUser
    token: str
    created: bool


@transaction.atomic
def create_agent(
    municipality: Municipality,
    username: str,
    *,
    name: str = "",
    email: str = "",
    role: str = Role.AGENT,
    password: str | None = None,
) -> CreatedAgent:
    """Create (or reuse) the user, give it ``role`` at ``municipality``, return its token.

    Without a password the account can only use the API token until someone sets one with
    ``gembot manage changepassword``.
    """
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    users = get_user_model()
    user, created = users.objects.get_or_create(
        username=username, defaults={"first_name": name, "email": email}
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
    elif name:
        user.first_name = name
    if role == Role.ADMIN:
        user.is_staff = True  # municipal admins use the admin pages
    user.save()
    Membership.objects.get_or_create(user=user, municipality=municipality, role=role)
    token, _ = Token.objects.get_or_create(user=user)
    return CreatedAgent(user, token.key, created)


@transaction.atomic
def save_membership(membership: Membership) -> Membership:
    """Give a user a role at a municipality (the admin form builds it)."""
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def delete_membership(membership: Membership) -> None:
    membership.delete()
