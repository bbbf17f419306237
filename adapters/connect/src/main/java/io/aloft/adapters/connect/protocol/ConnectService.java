package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The methods of one Connect service, e.g. {@code
 * ConnectService.builder("aloft.project.v1.ProjectService").unary("GetProject", ...).build()}.
 */
public final class ConnectService {

  private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z_][\\w]*(\\.[A-Za-z_]\\w*)*");
  private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_]\\w*");

  private final String name;
  private final List<MethodBinding> methods;

  private ConnectService(String name, List<MethodBinding> methods) {
    this.name = name;
    this.methods = List.copyOf(methods);
  }

  /**
   * @param fullyQualifiedServiceName the protobuf package and service name, e.g. {@code
   *     aloft.project.v1.ProjectService}
   */
  public static Builder builder(String fullyQualifiedServiceName) {
    if (!SERVICE_NAME.matcher(fullyQualifiedServiceName).matches()) {
      throw new IllegalArgumentException("not a service name: " + fullyQualifiedServiceName);
    }
    return new Builder(fullyQualifiedServiceName);
  }

  public String name() {
    return name;
  }

  List<MethodBinding> methods() {
    return methods;
  }

  public static final class Builder {

    private final String serviceName;
    private final Map<String, MethodBinding> methodsByProcedure = new LinkedHashMap<>();

    private Builder(String serviceName) {
      this.serviceName = serviceName;
    }

    @SuppressWarnings("unchecked") // Requests are always parsed with requestPrototype's parser.
    public <Q extends Message, R extends Message> Builder unary(
        String method, Q requestPrototype, UnaryHandler<Q, R> handler) {
      String procedure = procedureOf(method);
      return add(
          new MethodBinding.Unary(
              procedure, requestPrototype, (UnaryHandler<Message, Message>) handler));
    }

    @SuppressWarnings("unchecked") // Requests are always parsed with requestPrototype's parser.
    public <Q extends Message, R extends Message> Builder serverStream(
        String method, Q requestPrototype, StreamHandler<Q, R> handler) {
      String procedure = procedureOf(method);
      return add(
          new MethodBinding.ServerStream(
              procedure, requestPrototype, (StreamHandler<Message, Message>) handler));
    }

    public ConnectService build() {
      return new ConnectService(serviceName, List.copyOf(methodsByProcedure.values()));
    }

    private String procedureOf(String method) {
      if (!METHOD_NAME.matcher(method).matches()) {
        throw new IllegalArgumentException("not a method name: " + method);
      }
      return "/" + serviceName + "/" + method;
    }

    private Builder add(MethodBinding binding) {
      if (methodsByProcedure.putIfAbsent(binding.procedure(), binding) != null) {
        throw new IllegalArgumentException("method registered twice: " + binding.procedure());
      }
      return this;
    }
  }
}
