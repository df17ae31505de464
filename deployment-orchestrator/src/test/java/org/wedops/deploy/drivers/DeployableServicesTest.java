package org.wedops.deploy.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A service that could never be deployed stops the orchestrator when its settings are bound, naming the setting. */
class DeployableServicesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                 | settings of service crm (key=value, ...)                                  | refused, naming
            a command service with its rollout          | driver=COMMAND,command.rollout[0]=deploy.sh                               | -
            a Kubernetes service with its Deployment     | driver=KUBERNETES,kubernetes.deployment=crm,kubernetes.image=registry/crm | -
            a Docker service with its image and label    | driver=DOCKER,docker.image=crm,docker.label=app=crm                      | -
            no driver                                    | rollout-estimate=1m                                                       | wedops.deploy.services.crm.driver
            a command service without a rollout          | driver=COMMAND                                                            | wedops.deploy.services.crm.command is required for the COMMAND driver: command.rollout
            a Kubernetes service without an image        | driver=KUBERNETES,kubernetes.deployment=crm                               | wedops.deploy.services.crm.kubernetes
            a Docker service without a label             | driver=DOCKER,docker.image=crm                                            | wedops.deploy.services.crm.docker
            a timeout of zero                            | driver=COMMAND,command.rollout[0]=deploy.sh,timeout=0s                    | wedops.deploy.services.crm.timeout
            """)
    void aServiceIsDeployableOnlyWithADriverAndWhatThatDriverNeeds(String situation, String settings, String refusal) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings.split(",")) {
            String[] pair = setting.split("=", 2);
            values.put("wedops.deploy.services.crm." + pair[0], pair[1]);
        }

        if (refusal == null) {
            assertThat(bind(values).names()).containsExactly("crm");
        } else {
            assertThatThrownBy(() -> bind(values)).hasStackTraceContaining(refusal);
        }
    }

    private static DeployableServices bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("wedops.deploy", DeployableServices.class);
    }
}
