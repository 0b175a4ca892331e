package uk.cspr.workflow.config;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared 400 shape for the exceptions other /api controllers will raise. */
class ApiErrorsTest {

  record Referral(@NotBlank String partnership, @Min(1) int children) {}

  @RestController
  static class SampleController {

    @PostMapping("/api/sample")
    String create(@Valid @RequestBody Referral referral) {
      return "ok";
    }

    @GetMapping("/api/sample/plain")
    String plain() {
      throw new IllegalArgumentException("Unknown partnership: narnia");
    }

    @GetMapping("/api/sample/named")
    String named() {
      throw new InvalidParameterException("partnership", "Unknown partnership: narnia");
    }

    @GetMapping("/api/sample/count")
    String count(@RequestParam("n") @Min(1) int n) {
      return "ok";
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new SampleController()).setControllerAdvice(new ApiErrors()).build();

  @Test
  void illegalArgumentWithAndWithoutParameter() throws Exception {
    mvc.perform(get("/api/sample/plain"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("Invalid parameter"))
        .andExpect(jsonPath("$.parameter").doesNotExist())
        .andExpect(jsonPath("$.message").value("Unknown partnership: narnia"));
    mvc.perform(get("/api/sample/named"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("partnership"));
  }

  @Test
  void beanValidationOfTheBodyNamesTheField() throws Exception {
    mvc.perform(post("/api/sample").contentType(MediaType.APPLICATION_JSON).content("{\"partnership\":\"\",\"children\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("Invalid parameter"))
        .andExpect(jsonPath("$.parameter").value("partnership"));
  }

  @Test
  void unreadableBody() throws Exception {
    mvc.perform(post("/api/sample").contentType(MediaType.APPLICATION_JSON).content("{\"children\": \"many\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("body"));
  }

  @Test
  void constraintOnARequestParameter() throws Exception {
    mvc.perform(get("/api/sample/count").param("n", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("n"));
    mvc.perform(get("/api/sample/count").param("n", "x"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("n"));
    mvc.perform(get("/api/sample/count"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("n"));
  }
}
