"""Taxonomy names in the page language: {% load taxonomy_tags %}{{ topic.name|translated_term }}.

Cities keep their names, and a term staff add later has no translation: both show as they
are (taxonomy.names.translated)."""

from django import template

from taxonomy.names import translated

register = template.Library()


@register.filter
def translated_term(name):
    return translated(name)
