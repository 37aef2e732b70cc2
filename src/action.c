/*
 * action.c: names, modes and help texts of the commands, from ACTION_LIST.
 */
#include "artread/action.h"

#include <string.h>

static const struct {
	const char		*name;
	enum action_mode	 mode;
	const char		*help;
} actions[] = {
#define ACTION_ROW(e, name, mode, help) { name, ACTION_MODE_##mode, help },
	ACTION_LIST(ACTION_ROW)
#undef ACTION_ROW
};

const char *
action_name(enum action a)
{
	return (a >= 0 && a < ACTION__COUNT) ? actions[a].name : "none";
}

const char *
action_help(enum action a)
{
	return (a >= 0 && a < ACTION__COUNT) ? actions[a].help : "";
}

int
action_in_selection(enum action a)
{
	switch (a) {
	case ACTION_LINE_DOWN: case ACTION_LINE_UP:
	case ACTION_PAGE_DOWN: case ACTION_PAGE_UP:
	case ACTION_HALF_DOWN: case ACTION_HALF_UP:
	case ACTION_TOP: case ACTION_BOTTOM: case ACTION_PERCENT:
	case ACTION_TAG_PALETTE: case ACTION_NOTE:
	case ACTION_HELP: case ACTION_REDRAW:
	case ACTION_ANNOT_PANEL:	/* its r moves one to the selection */
		return 1;
	default:
		return action_mode(a) == ACTION_MODE_SELECT;
	}
}

enum action_mode
action_mode(enum action a)
{
	return (a >= 0 && a < ACTION__COUNT) ? actions[a].mode : ACTION_MODE_PAGER;
}

enum action
action_from_name(const char *name)
{
	int i;

	/* (the first letter first: the default key map looks up every
	 * action at each start) */
	for (i = 0; i < ACTION__COUNT; i++)
		if (actions[i].name[0] == name[0] &&
		    strcmp(actions[i].name, name) == 0)
			return (enum action)i;
	return ACTION_NONE;
}
