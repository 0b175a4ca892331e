package uk.cspr.workflow.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by the names the engine's identity service keeps (first and last name), for what people
 * read: the case page says who did a step by name, not by user id. A user the identity service
 * does not know (removed since, or the system) keeps their id. Read as the system: whoever may read
 * a case sees who worked on it, without the right to list the partnership's users.
 */
@Component
public class UserNames {

  private final IdentityService identityService;
  private final CallerScope callerScope;

  UserNames(IdentityService identityService, CallerScope callerScope) {
    this.identityService = identityService;
    this.callerScope = callerScope;
  }

  /** Each of the user ids by name, in one query. */
  public Map<String, String> of(Collection<String> userIds) {
    String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    Map<String, String> names = new HashMap<>();
    if (ids.length > 0) {
      callerScope.asSystem(() -> identityService.createUserQuery().userIdIn(ids).list())
          .forEach(user -> names.put(user.getId(), name(user)));
    }
    Stream.of(ids).forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  private static String name(User user) {
    String name = Stream.of(user.getFirstName(), user.getLastName()).filter(part -> part != null && !part.isBlank())
        .map(String::strip).collect(Collectors.joining(" "));
    return name.isEmpty() ? user.getId() : name;
  }
}
