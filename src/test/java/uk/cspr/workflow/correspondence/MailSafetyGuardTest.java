package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SPEC §5 safety: outside live, mail only goes to a loopback SMTP server – at start-up and at send time. */
class MailSafetyGuardTest {

  @Configuration
  @EnableConfigurationProperties(CorrespondenceProperties.class)
  @Import(MailSafetyGuard.class)
  static class GuardOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withUserConfiguration(GuardOnly.class);

  @Test
  void refusesToStartWithARealSmtpHostOutsideLive() {
    runner.withPropertyValues("spring.mail.host=smtp.example.org", "cspr.correspondence.live=false")
        .run(context -> assertThat(context).getFailure()
            .rootCause()
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("spring.mail.host 'smtp.example.org' is not a loopback host")
            .hasMessageContaining("cspr.correspondence.live"));
  }

  @Test
  void startsWithALoopbackHostOrInLive() {
    for (String host : new String[] {"localhost", "127.0.0.1", "127.0.1.1", "::1", "[::1]"}) {
      runner.withPropertyValues("spring.mail.host=" + host).run(context -> assertThat(context).hasNotFailed());
    }
    runner.withPropertyValues("spring.mail.host=smtp.example.org", "cspr.correspondence.live=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aNamedTestMailSinkIsAllowedButNoOtherHost() {
    runner.withPropertyValues("spring.mail.host=mailsink", "cspr.correspondence.test-smtp-hosts=mailsink")
        .run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues("spring.mail.host=smtp.example.org", "cspr.correspondence.test-smtp-hosts=mailsink")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void refusesToSendToARealHostEvenIfTheSenderWasChangedAfterStartUp() {
    runner.withPropertyValues("spring.mail.host=localhost").run(context -> {
      MailSafetyGuard guard = context.getBean(MailSafetyGuard.class);
      JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
      assertThatCode(() -> guard.checkBeforeSend(sender)).doesNotThrowAnyException();

      sender.setHost("smtp.example.org");
      assertThatThrownBy(() -> guard.checkBeforeSend(sender))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Refusing to send e-mail for delivery");
    });
  }

  @Test
  void loopbackHosts() {
    assertThat(MailSafetyGuard.isLoopback("LOCALHOST")).isTrue();
    assertThat(MailSafetyGuard.isLoopback("127.0.0.1")).isTrue();
    assertThat(MailSafetyGuard.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(MailSafetyGuard.isLoopback("localhost.example.org")).isFalse();
    assertThat(MailSafetyGuard.isLoopback("127.0.0.1.example.org")).isFalse();
    assertThat(MailSafetyGuard.isLoopback("10.0.0.1")).isFalse();
    assertThat(MailSafetyGuard.isLoopback("smtp.office365.com")).isFalse();
  }
}
