/* a local header whose macro hides a call */
#define TOY_CALL(name) toy_##name##_missing()
