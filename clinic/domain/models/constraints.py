"""CHECK constraints validated in Python when a form is cleaned, not with a query each.

Django validates each CheckConstraint of a model with its own query (and savepoint): an
article with three studies cost 33 queries before it was saved. The simple conditions this
project writes (comparisons, `isnull`, `has_visible_text`) are evaluated here on the
instance instead; anything else falls back to Django's query. The database still enforces
every constraint on write.
"""

from django.core.exceptions import ValidationError
from django.db import models, router
from django.db.models.functions import Length, Replace
from django.db.models.lookups import Lookup

_COMPARE = {
    "": lambda value, other: value == other,
    "exact": lambda value, other: value == other,
    "gt": lambda value, other: value is not None and value > other,
    "gte": lambda value, other: value is not None and value >= other,
    "lt": lambda value, other: value is not None and value < other,
    "lte": lambda value, other: value is not None and value <= other,
    "isnull": lambda value, other: (value is None) == other,
    "in": lambda value, other: value in other,
}


class _Unsupported(Exception):
    pass


def _value(expression, instance):
    if isinstance(expression, models.F):
        return getattr(instance, instance._meta.get_field(expression.name).attname)
    if isinstance(expression, models.Value):
        return expression.value
    if isinstance(expression, Replace):
        text, old, new = (_value(part, instance) for part in expression.get_source_expressions())
        return None if text is None else str(text).replace(old, new)
    if isinstance(expression, Length):
        (text,) = (_value(part, instance) for part in expression.get_source_expressions())
        return None if text is None else len(str(text))
    if not hasattr(expression, "resolve_expression"):
        return expression
    raise _Unsupported(expression)


def _holds(condition, instance):
    """True/False for the condition on `instance`; None when SQL would say NULL (passes)."""
    if isinstance(condition, models.Q):
        results = [_holds(child, instance) for child in condition.children]
        known = [result for result in results if result is not None]
        if condition.connector == models.Q.AND:
            result = None if (None in results and all(known)) else all(known)
        else:
            result = None if (None in results and not any(known)) else any(known)
        return result if result is None or not condition.negated else not result
    if isinstance(condition, tuple):
        name, other = condition
        field, _, lookup = name.partition("__")
        if lookup not in _COMPARE or "__" in lookup:
            raise _Unsupported(name)
        value = _value(models.F(field), instance)
        if value is None and lookup != "isnull":
            return None
        return _COMPARE[lookup](value, _value(other, instance))
    if isinstance(condition, Lookup) and condition.lookup_name in _COMPARE:
        value, other = _value(condition.lhs, instance), _value(condition.rhs, instance)
        return None if value is None else _COMPARE[condition.lookup_name](value, other)
    raise _Unsupported(condition)


def _fields(condition):
    """The names of the fields a condition reads."""
    if isinstance(condition, models.Q):
        return {name for child in condition.children for name in _fields(child)}
    if isinstance(condition, tuple):
        return {condition[0].partition("__")[0]}
    if isinstance(condition, models.F):
        return {condition.name}
    sources = getattr(condition, "get_source_expressions", list)()
    if isinstance(condition, Lookup):
        sources = [condition.lhs, condition.rhs]
    return {name for source in sources for name in _fields(source)}


def validate_constraints_in_python(instance, exclude=None):
    """`Model.validate_constraints`, with CHECK constraints evaluated without a query."""
    exclude = set(exclude or ())
    using = router.db_for_write(type(instance), instance=instance)
    errors = {}
    for model, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                if isinstance(constraint, models.CheckConstraint):
                    _check(constraint, model, instance, exclude, using)
                else:
                    constraint.validate(model, instance, exclude=exclude, using=using)
            except ValidationError as error:
                fields = getattr(constraint, "fields", ())
                if getattr(error, "code", None) == "unique" and len(fields) == 1:
                    errors.setdefault(fields[0], []).append(error)  # as Django does
                else:
                    errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _check(constraint, model, instance, exclude, using):
    try:
        if _fields(constraint.condition) & exclude:
            return  # as Django does: a constraint on an excluded field is not checked
        holds = _holds(constraint.condition, instance)
    except (_Unsupported, LookupError, TypeError, ValueError):
        constraint.validate(model, instance, exclude=exclude, using=using)
        return
    if holds is False:
        raise ValidationError(
            constraint.get_violation_error_message(), code=constraint.violation_error_code
        )
