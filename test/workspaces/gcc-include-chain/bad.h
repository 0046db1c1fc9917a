/* a local header with an error in it */
static inline int toy_helper(void)
{
	return toy_not_declared;
}
