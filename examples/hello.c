/* hello.c - the twenty-line example of README.md, kept compiling. */
#include <stdio.h>
#include <acd.h>

int main(void)
{
    acd_center *c;
    acd_queue_id sales;
    acd_agent_id ann;
    acd_call_id call;
    acd_action a;

    acd_center_new(NULL, &c);                      /* every call returns acd_status */
    acd_queue_add(c, "sales", &sales);
    acd_agent_add(c, "ann", &ann);                 /* "ann": the host's own key */
    acd_agent_join_queue(c, 0, ann, sales);
    acd_agent_login(c, 0, ann);                    /* times: host ms, never backwards */
    acd_call_arrive(c, 1000, sales, NULL, &call);  /* -> OFFER call to ann */
    acd_action_init(&a);
    while (acd_center_pop_action(c, &a) == ACD_OK)
        printf("%s to %s\n", acd_action_type_name(a.type), acd_agent_key(c, a.agent));
    acd_call_answer(c, 4000, call, ann);
    acd_call_hangup(c, 60000, call);
    acd_center_destroy(c);
    return 0;
}
