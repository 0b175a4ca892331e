package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

/** Delivery without a mail server: idempotence and the send-time safety check (SPEC §5). */
class CorrespondenceDeliveryTest {

  private final OutboxRepository repository = mock(OutboxRepository.class);
  private final JavaMailSenderImpl sender = spy(new JavaMailSenderImpl());

  private CorrespondenceDelivery delivery() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
    MailSafetyGuard guard =
        new MailSafetyGuard(
            new CorrespondenceProperties(false, Map.of(), null, null, null, null, null),
            new MockEnvironment().withProperty("spring.mail.host", "localhost"),
            beans.getBeanProvider(JavaMailSender.class));
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    return new CorrespondenceDelivery(
        repository, new OutboxLetters(repository, new LetterPdfRenderer()),
        beans.getBeanProvider(JavaMailSender.class), guard, new SendOnce(repository, transactions), transactions);
  }

  private static OutboxMessage message(OutboxStatus status) {
    return new OutboxMessage(
        "id-1", "<m1@cspr.workflow>", "NL-2027-0001", "north-lincolnshire", "pi", "act", "dspNotification",
        "cspr@localhost", null, List.of("dsp@nl-partnership.example"), List.of(), "NL-2027-0001: Notification",
        "<p>Body</p>", status, OffsetDateTime.now(), null, 0, null, null, List.of());
  }

  @Test
  void aMessageAlreadySentIsNotSentAgain() {
    when(repository.find("id-1")).thenReturn(Optional.of(message(OutboxStatus.SENT)));

    delivery().deliver("id-1");

    verify(sender, never()).send(any(MimeMessage.class));
    verify(repository, never()).markSent(anyString(), any());
  }

  @Test
  void aRealSmtpHostOutsideLiveIsRefusedAtSendTimeAndRecordedAsFailed() {
    when(repository.find("id-1")).thenReturn(Optional.of(message(OutboxStatus.QUEUED)));
    sender.setHost("smtp.example.org");

    assertThatThrownBy(() -> delivery().deliver("id-1"))
        .isInstanceOf(CorrespondenceDeliveryException.class)
        .hasMessageContaining("<m1@cspr.workflow>")
        .hasMessageContaining("not a loopback host");

    verify(sender, never()).send(any(MimeMessage.class));
    verify(repository).markFailed(eq("id-1"), any(), contains("not a loopback host"));
    verify(repository, never()).markSent(anyString(), any());
  }
}
