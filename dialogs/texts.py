"""Every sentence Regrets says outside a card, in one place.

Users never see exception text: failures are mapped to these sentences by code.
"""

HELP_EXAMPLES = (
    "decline my 3pm",
    "decline the standup tomorrow, say I'm sick",
    "what's on Friday",
)

HELP_TEXT = (
    "I decline (or accept) Outlook meetings for you, as you, right from chat. Try "
    "“decline my 3pm”, “decline the standup tomorrow, say I'm sick” or “what's on Friday”. "
    "Say “sign out” to make me forget your sign-in."
)
WELCOME = "Hi, I'm Regrets. " + HELP_TEXT
STOPPED = "Okay, I've stopped. Nothing was changed."
SIGNED_OUT = "You're signed out. I've forgotten your sign-in; I'll ask Teams again next time."
NOT_UNDERSTOOD = (
    "I'm not sure what you'd like me to do. I can decline, accept or tentatively accept meetings "
    "(“decline my 3pm”) or show your day (“what's on today”)."
)
SIGN_IN = "I need your permission to read and answer your meetings. Sign in and I'll carry on."
SIGN_IN_INCOMPLETE = "Sign-in did not complete, so I have not done anything yet. Use the Sign in button to try again."
SIGN_IN_FAILED = "Teams could not sign you in silently. Use the Sign in button and I'll carry on."
IDENTITY_DOWN = "I can't reach Microsoft's sign-in service right now. Please try again in a minute."
GRAPH_DOWN = "Outlook isn't answering right now. Nothing was changed; please try again in a minute."
GRAPH_THROTTLED = "Outlook asked me to slow down. Nothing was changed; please try again in a minute."
GRAPH_FORBIDDEN = "Outlook refused: your account doesn't allow me to change that calendar."
NOT_FOUND = "I couldn't find that meeting any more; it may have been moved or cancelled."
TENANT_REFUSED = "Sorry, Regrets isn't enabled for your organization. Ask your Teams admin if you'd like to use it."
STALE_CARD = "That card is out of date. Ask me again, for example “decline my 3pm”."
NOT_YOURS = "This card was made for someone else. Ask me yourself, for example “decline my 3pm”."
FAILED = "Something went wrong on my side and nothing was changed. Please try again."
COMMENT_TOO_LONG = "That note is too long for Outlook (2,000 characters at most). Shorten it and try again."
NO_MEETINGS = "You have no meetings {when}."
# Time or day words Regrets could not read (understanding.model.Unclear), by why.
UNCLEAR = {
    "time": "“{words}” isn't a time I can read, so I haven't picked a meeting. Which one do you mean? "
    "For example “decline my 3pm tomorrow”.",
    "date": "“{words}” isn't a day on the calendar, so I haven't picked a meeting. Which day do you mean? "
    "For example “decline the standup on 14 December”.",
    "far": "I can only look {days} days ahead at a time, so I can't take in “{words}”. Which days do you mean? "
    "For example “decline everything next week”.",
    "vague": "I'm not sure which days “{words}” means for you, so I haven't picked anything. Which days do you mean? "
    "For example “decline everything on 24 December”.",
}
# A word that is not English and in no meeting on the calendar ("decline the standup jutro").
UNKNOWN_WORD = (
    "I don't know the word “{words}”, so I haven't picked a meeting. Which one do you mean? "
    "For example “decline the standup tomorrow”."
)
STORE_UNAVAILABLE = "I can't reach my storage right now, so I stopped there. Please try again in a minute."
BAD_CLICK = "That button's data isn't what I sent, so I did nothing. Ask me again, for example “decline my 3pm”."
OTHER_CONVERSATION = "That card belongs to another conversation, so I did nothing here. Ask me again in this chat."
ON_IT = "I'm already on it; that click was counted once."
SIGN_IN_AGAIN = "I need you to sign in again before I can change your calendar. Ask me in chat and I'll carry on."
