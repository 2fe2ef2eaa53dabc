from django import template

register = template.Library()


@register.inclusion_tag("networks/_call_status.html")
def call_status(call, today):
    return {"status": call.status_on(today), "call": call}
